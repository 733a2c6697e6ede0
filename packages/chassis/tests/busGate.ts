/** A handler's hold point that a test opens when it chooses: to keep a delivery in flight. */
export interface Gate {
  /** Resolves once the gate is opened. */
  passed: Promise<void>;
  open(): void;
}

export function aGate(): Gate {
  let open: () => void = () => undefined;
  const passed = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { passed, open };
}
