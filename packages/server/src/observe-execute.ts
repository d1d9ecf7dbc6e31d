/**
 * Makes `useCase.execute` report each completed call to `observe` (metrics), with the input, the
 * result and the elapsed milliseconds. Returns the same instance, so its type and other methods stay
 * as they are. `observe` must not throw; a rejected call is passed on unobserved.
 */
type ExecuteOf<U> = U extends { execute(input: infer I): Promise<infer R> } ? { input: I; result: R } : never;

export function observeExecute<U extends { execute(input: never): Promise<unknown> }>(
  useCase: U,
  observe: (input: ExecuteOf<U>['input'], result: ExecuteOf<U>['result'], elapsedMs: number) => void,
): U {
  const execute = useCase.execute.bind(useCase) as (input: ExecuteOf<U>['input']) => Promise<ExecuteOf<U>['result']>;
  (useCase as { execute: typeof execute }).execute = async (input) => {
    const started = performance.now();
    const result = await execute(input);
    observe(input, result, performance.now() - started);
    return result;
  };
  return useCase;
}
