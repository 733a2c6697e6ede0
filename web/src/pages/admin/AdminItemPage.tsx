import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeError } from '../../api/describeError.ts';
import { AdminNav } from '../../components/AdminNav.tsx';
import { AdminOnly } from '../../components/AdminOnly.tsx';
import { ItemForm } from '../../components/ItemForm.tsx';
import { PageFallback } from '../../components/PageFallback.tsx';
import { graphql } from '../../gql/index.ts';
import { Link } from '../../routing/Link.tsx';
import { navigate } from '../../routing/useLocation.ts';

const AdminItemDocument = graphql(`
  query AdminItem($id: ID!) {
    item(id: $id) {
      id
      name
      description
      price
      createdAt
      updatedAt
    }
  }
`);

const UpdateItemDocument = graphql(`
  mutation UpdateItem($id: ID!, $input: UpdateItemInput!) {
    updateItem(id: $id, input: $input) {
      id
      name
      description
      price
      updatedAt
    }
  }
`);

const DeleteItemDocument = graphql(`
  mutation DeleteItem($id: ID!) {
    deleteItem(id: $id)
  }
`);

/** One item as an admin changes it: its name, description and price, or its removal. */
export function AdminItemPage({ id }: { id: string }) {
  return (
    <AdminOnly>
      <EditItem id={id} />
    </AdminOnly>
  );
}

function EditItem({ id }: { id: string }) {
  const [{ data, fetching, error }] = useQuery({
    query: AdminItemDocument,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const [, updateItem] = useMutation(UpdateItemDocument);
  const [saved, setSaved] = useState<string>();

  const item = data?.item;
  if (!item) {
    return (
      <PageFallback
        heading="Edit item"
        navigation={<AdminNav />}
        loading="Loading the item…"
        notFound="Item not found"
        answered={data !== undefined}
        fetching={fetching}
        error={error}
      >
        <p>
          No item has this id: it may have been deleted.{' '}
          <Link href="/admin/items">Back to the items</Link>
        </p>
      </PageFallback>
    );
  }
  return (
    <>
      <h1 tabIndex={-1}>Edit “{item.name}”</h1>
      <AdminNav />
      <p>
        <Link href={`/items/${encodeURIComponent(item.id)}`}>See it as players do</Link>
      </p>
      <section aria-label="The item's fields" className="panel">
        <ItemForm
          // A new version from the API refills the fields.
          key={item.updatedAt}
          form="edit-item"
          initial={item}
          submitLabel="Save changes"
          busyLabel="Saving…"
          onSubmit={async (input) => {
            setSaved(undefined);
            const result = await updateItem({ id, input });
            const updated = result.data?.updateItem;
            if (updated) {
              setSaved(
                `Saved. “${updated.name}” costs ${updated.price.toLocaleString('en')} gil now.`,
              );
            }
            return result.error;
          }}
        />
        <p className="success" role="status">
          {saved}
        </p>
      </section>
      <DeleteItem id={item.id} name={item.name} />
    </>
  );
}

/** Deleting asks first: the item leaves the store for every player. */
function DeleteItem({ id, name }: { id: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [{ fetching }, deleteItem] = useMutation(DeleteItemDocument);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    // The focus follows the question, and returns to the button that asked it.
    if (confirming) confirmButton.current?.focus();
    else if (opened.current) deleteButton.current?.focus();
    opened.current = confirming;
  }, [confirming]);

  const remove = async () => {
    setProblem(undefined);
    const result = await deleteItem({ id });
    if (result.data) {
      navigate(`/admin/items?deleted=${encodeURIComponent(name)}`);
    } else if (result.error) {
      setProblem(describeError(result.error));
      setConfirming(false);
    }
  };
  return (
    <section aria-labelledby="delete-heading" className="panel danger-zone">
      <h2 id="delete-heading">Delete</h2>
      {confirming ? (
        <div role="group" aria-labelledby="delete-question">
          <p id="delete-question">
            Delete “{name}” from the store? Players will no longer see it or buy it.
          </p>
          <div className="actions">
            <button
              ref={confirmButton}
              type="button"
              className="danger"
              disabled={fetching}
              onClick={() => void remove()}
            >
              {fetching ? 'Deleting…' : `Yes, delete “${name}”`}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={deleteButton}
          type="button"
          className="danger"
          onClick={() => setConfirming(true)}
        >
          Delete item
        </button>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
