/**
 * The query of the public gateways benchmark's constant-load test: users and top products,
 * each with their reviews, the reviews' products or authors, and those authors' reviews and
 * products again, through fragments. Answering it takes every subgraph, `@requires` (inventory's
 * `shippingEstimate` needs products' `price` and `weight`) and `@provides` (reviews gives the
 * author's `username`), in several sequential fetches.
 */
export const BENCHMARK_QUERY = `
  fragment User on User {
    id
    username
    name
  }

  fragment Review on Review {
    id
    body
  }

  fragment Product on Product {
    inStock
    name
    price
    shippingEstimate
    upc
    weight
  }

  query TestQuery {
    users {
      ...User
      reviews {
        ...Review
        product {
          ...Product
          reviews {
            ...Review
            author {
              ...User
              reviews {
                ...Review
                product {
                  ...Product
                }
              }
            }
          }
        }
      }
    }
    topProducts {
      ...Product
      reviews {
        ...Review
        author {
          ...User
          reviews {
            ...Review
            product {
              ...Product
            }
          }
        }
      }
    }
  }
`;
