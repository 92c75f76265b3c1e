/** Every command type a scenario may use, read from the zod schema so the list never goes stale. */
import { commandSchema } from './schema';
import type { Command } from '../sim';

export const commandTypes: readonly string[] = commandSchema.options.map((o) => o.shape.type.value);

// Compile-time check: every simulation command has a scenario form, and no scenario form is unknown to the simulation.
type ScenarioTypes = (typeof commandSchema.options)[number]['shape']['type']['value'];
const everySimCommandHasAForm: [Command['type']] extends [ScenarioTypes] ? true : false = true;
const everyFormIsASimCommand: [ScenarioTypes] extends [Command['type']] ? true : false = true;
void everySimCommandHasAForm;
void everyFormIsASimCommand;
