import { graphql } from '../gql/index.ts';

export const PurchaseFieldsFragment = graphql(`
  fragment PurchaseFields on Purchase {
    id
    state
    failureReason
    quantity
    total
    item {
      id
      name
    }
  }
`);

export const PurchaseUpdatesDocument = graphql(`
  subscription PurchaseUpdates {
    purchaseUpdated {
      ...PurchaseFields
    }
  }
`);

export const PurchaseStatusDocument = graphql(`
  query PurchaseStatus($id: ID!) {
    purchase(id: $id) {
      ...PurchaseFields
    }
  }
`);

export const InventoryUpdatesDocument = graphql(`
  subscription InventoryUpdates {
    inventoryChanged {
      quantity
      delta
      item {
        id
        name
        price
      }
    }
  }
`);
