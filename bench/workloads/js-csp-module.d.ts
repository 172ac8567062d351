// js-csp 1.0 ships no typings; this declares the part of its API the benchmark uses.
declare module "js-csp" {
  /** An instruction a process yields: the generator resumes with its result. */
  export interface Instruction {
    readonly __jsCspInstruction?: never;
  }
  export interface Channel {
    close(): void;
    readonly closed: boolean;
  }
  export interface AltResult {
    value: unknown;
    channel: Channel;
  }
  export type Process = Generator<Instruction, void, unknown>;
  const csp: {
    CLOSED: unknown;
    chan(bufferSize?: number): Channel;
    go(f: () => Process): Channel;
    put(ch: Channel, value: unknown): Instruction;
    take(ch: Channel): Instruction;
    alts(ops: Channel[]): Instruction;
    sleep(ms: number): Instruction;
  };
  export default csp;
}
