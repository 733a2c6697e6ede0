/** The button under a list that reads its next page. */
export function LoadMoreButton({ onClick, children }: { onClick(): void; children: string }) {
  return (
    <button type="button" className="load-more" onClick={onClick}>
      {children}
    </button>
  );
}
