/**
 * Every command type a scenario may use, read from the zod schema so the list never goes stale,
 * and a compile-time proof that the schema and the simulation's `Command` union describe the same
 * commands field for field: a field added, dropped, renamed or retyped on one side and not the
 * other fails `tsc` (and so `npm test`) here.
 */
import type { z } from 'zod';
import { commandSchema } from './schema';
import type { Command } from '../sim';

export const commandTypes: readonly string[] = commandSchema.options.map((o) => o.shape.type.value);

/** The schema's output with every field and array read-only, as the simulation's types are. */
type DeepReadonly<T> = T extends (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
/** True when A and B accept exactly the same values (each is assignable to the other). */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type ScenarioCommand = DeepReadonly<z.output<typeof commandSchema>>;
const schemaAndUnionAgree: SameType<ScenarioCommand, Command> = true;
// Per type as well, so a difference hidden by a union's width (a form accepting more than its command) still fails.
// Optional fields are compared by name too: mutual assignability alone lets an optional field exist on one side only.
type Agree<A, B> = SameType<A, B> extends true ? SameType<keyof A, keyof B> : false;
type PerType = { [T in Command['type']]: Agree<Extract<ScenarioCommand, { type: T }>, Extract<Command, { type: T }>> };
/** The command types whose schema form and union member differ; never when they all agree. */
type Disagreeing = { [T in keyof PerType]: PerType[T] extends true ? never : T }[keyof PerType];
// On a failure tsc names the command: "Type 'true' is not assignable to type '\"asset.secure\"'".
const everyTypeAgrees: [Disagreeing] extends [never] ? true : Disagreeing = true;
void schemaAndUnionAgree;
void everyTypeAgrees;
