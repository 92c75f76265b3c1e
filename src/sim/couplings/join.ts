/** A join between subsystems as a part of the simulation: it has no commands, snapshot, KPIs, report or state of its own to hash. */
import type { CommandType, Hasher, KpiValues, SimMs, SimSubsystem } from '../core';

export abstract class Join implements SimSubsystem<null, null> {
  abstract readonly name: string;
  /** 0: it never steps, it only listens. */
  abstract readonly periodMs: SimMs;
  readonly commands: readonly CommandType[] = [];
  step(_nowMs: SimMs): void {}
  handle(): void {}
  snapshot(): null {
    return null;
  }
  kpis(): KpiValues {
    return {};
  }
  final(): null {
    return null;
  }
  hashInto(_h: Hasher): void {}
  dispose(): void {}
}
