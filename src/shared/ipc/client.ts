import type { Contract, Method } from './contract'
import type { ArgsOf, ResultOf } from './define'
import type { DeskEvents, DeskEventName } from './events'
import type { DeskResult } from './result'

/** What the renderer sees as `window.desk`, whichever transport carries it. */
export interface DeskApi {
  invoke<M extends Method>(method: M, args: ArgsOf<Contract[M]>): Promise<DeskResult<ResultOf<Contract[M]>>>
  on<E extends DeskEventName>(event: E, listener: (payload: DeskEvents[E]) => void): () => void
}

export type DeskArgs<M extends Method> = ArgsOf<Contract[M]>
export type DeskValue<M extends Method> = ResultOf<Contract[M]>
