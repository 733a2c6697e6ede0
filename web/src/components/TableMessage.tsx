/** A row-wide message in a table body: loading (a status) or a refusal (an alert). */
export function TableMessage({
  columns,
  children,
  alert = false,
}: {
  columns: number;
  children: string;
  alert?: boolean;
}) {
  return (
    <tbody>
      <tr>
        <td
          colSpan={columns}
          className={alert ? 'error' : undefined}
          role={alert ? 'alert' : 'status'}
        >
          {children}
        </td>
      </tr>
    </tbody>
  );
}
