/** Residents' trips follow the traffic model's travel times: re-solved every 15 minutes when the roads have changed. */
import { MINUTE } from '../core';
import { Join } from './join';
import type { TrafficSubsystem } from '../traffic';
import type { NetworkTravel } from './network-travel';

export class TravelRefresh extends Join {
  readonly name = 'population-travel';
  readonly periodMs = 15 * MINUTE;

  constructor(
    private readonly travel: NetworkTravel,
    private readonly traffic: TrafficSubsystem,
  ) {
    super();
  }

  override step(): void {
    const { router } = this.traffic.model;
    this.travel.refreshIfChanged(router.cost, router.closed);
  }
}
