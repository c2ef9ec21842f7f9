export function NotFound() {
  return (
    <div class="placeholder">
      <h1>Page not found</h1>
      <p>
        <a href="/">Back to the board</a>
      </p>
    </div>
  );
}
