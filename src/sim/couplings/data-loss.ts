/**
 * Datasets the comms/CCTV side loses (stolen, or disclosed under a legal order) reach the
 * attacker's holdings in the population model: what such a store held is the records of the
 * cameras that feed it, as many as have left it.
 */
import type { EventBus } from '../core';
import { Join } from './join';
import type { PopulationSubsystem } from '../population';
import { storeLoss } from './camera-sightings';
import type { Cyber } from './cyber-layer';

export class DataLoss extends Join {
  readonly name = 'data-loss';
  /** It never steps: it listens. */
  readonly periodMs = 0;

  constructor(population: PopulationSubsystem, cyber: Cyber | null, bus: EventBus) {
    super();
    const loss = (name: string) => (cyber ? storeLoss(cyber, population.sensors, name) : undefined);
    bus.on('data.exfiltrated', (e) => population.acquireNamed(e.data.dataset, 'exfiltrated', e.id, loss(e.data.dataset)));
    bus.on('data.disclosed', (e) => void (e.data.withheld === null && population.acquireNamed(e.data.dataset, 'compelled', e.id, loss(e.data.dataset))));
  }
}
