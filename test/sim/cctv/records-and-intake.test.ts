/**
 * The record-keeping pieces of sim/cctv on their own: the detection log (growth, read-back,
 * per-dataset counts), identifier hashing and dataset salts, and the hourly intake that retention
 * reads (hours before the run, growth past two days, the retention window's edges).
 */
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../src/sim/core';
import { datasetSalt, DetectionTable, hashIdentifier, IDENTIFIER_KINDS } from '../../../src/sim/cctv';
import { HourlyIntake } from '../../../src/sim/cctv/intake';

describe('DetectionTable', () => {
  it('reads back what was pushed, by camera and dataset name, with counts capped at 65535', () => {
    const t = new DetectionTable(['cam-a', 'cam-b'], ['nvr/anpr', 'cloud/face'], 2);
    t.push(1000, 1, 'plate', 0xdeadbeef, 1, 0, 7);
    t.push(2000, 0, 'count', 0, 70_000, 1, -1);
    t.push(3000, 0, 'face', -1, 1, 1, 3);
    expect(t.count).toBe(3);
    expect(t.read(0)).toEqual({ camera: 'cam-b', tMs: 1000, kind: 'plate', identifier: 0xdeadbeef, count: 1, dataset: 'nvr/anpr', subject: 7 });
    expect(t.read(1)).toEqual({ camera: 'cam-a', tMs: 2000, kind: 'count', identifier: 0, count: 65535, dataset: 'cloud/face', subject: -1 });
    // Identifiers are stored as unsigned 32-bit.
    expect(t.read(2)).toMatchObject({ kind: 'face', identifier: 0xffffffff, subject: 3 });
    expect(IDENTIFIER_KINDS).toEqual(['plate', 'face', 'count']);
  });

  it('grows past its capacity by doubling, keeping every column', () => {
    const t = new DetectionTable(['c'], ['d0', 'd1'], 1);
    for (let i = 0; i < 5; i++) t.push(i * 10, 0, i % 2 ? 'face' : 'plate', 100 + i, 1, i % 2, i);
    expect(t.tMs.length).toBe(8);
    expect(Array.from({ length: 5 }, (_, i) => t.read(i))).toEqual(
      Array.from({ length: 5 }, (_, i) => ({
        camera: 'c',
        tMs: i * 10,
        kind: i % 2 ? 'face' : 'plate',
        identifier: 100 + i,
        count: 1,
        dataset: `d${i % 2}`,
        subject: i,
      })),
    );
  });

  it('counts records per dataset and refuses to read outside the log', () => {
    const t = new DetectionTable(['c'], ['a', 'b']);
    t.push(0, 0, 'plate', 1, 1, 1, 0);
    t.push(0, 0, 'plate', 2, 1, 1, 1);
    t.push(0, 0, 'plate', 3, 1, 0, 2);
    expect([t.countIn(0), t.countIn(1), t.countIn(2)]).toEqual([1, 2, 0]);
    expect(() => t.read(3)).toThrow('detection 3 out of range (3)');
    expect(() => t.read(-1)).toThrow(RangeError);
  });

  it('names a camera or dataset it has no id for by its index', () => {
    const t = new DetectionTable([], []);
    t.push(5, 4, 'count', 0, 2, 3, -1);
    expect(t.read(0)).toMatchObject({ camera: 'camera#4', dataset: 'dataset#3' });
  });
});

describe('identifier hashing', () => {
  it('is FNV-1a over the four bytes of the id, low byte first, seeded with the salt', () => {
    const fnv = (bytes: number[], salt: number) => {
      let h = 0x811c9dc5 ^ salt;
      for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
      return h >>> 0;
    };
    expect(hashIdentifier(0x04030201, 0)).toBe(fnv([1, 2, 3, 4], 0));
    expect(hashIdentifier(0x04030201, 99)).toBe(fnv([1, 2, 3, 4], 99));
    expect(hashIdentifier(0x04030201, 99)).not.toBe(hashIdentifier(0x01020304, 99));
    expect(hashIdentifier(7, 1)).not.toBe(hashIdentifier(7, 2));
  });

  it('never gives 0, which means "no identifier"', () => {
    // 0x811c9dc5 ^ salt makes the hash of id 0 under this salt land on 0 only by brute coincidence;
    // scan many ids and salts for the guarantee instead.
    for (let salt = 0; salt < 200; salt++) for (let id = 0; id < 200; id++) expect(hashIdentifier(id, salt)).not.toBe(0);
    expect(hashIdentifier(0, 0)).toBeGreaterThan(0);
  });

  it('salts a dataset from its id alone', () => {
    let expected = 0x9e3779b9;
    for (const ch of 'nvr/anpr') expected = Math.imul(expected ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    expect(datasetSalt('nvr/anpr')).toBe(expected);
    expect(datasetSalt('')).toBe(0x9e3779b9);
    expect(datasetSalt('a')).not.toBe(datasetSalt('b'));
  });
});

describe('HourlyIntake', () => {
  it('holds the records of the current hour and those younger than the retention', () => {
    const intake = new HourlyIntake(1, 0);
    intake.add(0, 10 * MINUTE, true);
    intake.add(0, 1 * HOUR + 5 * MINUTE, false);
    intake.add(0, 2 * HOUR + 59 * MINUTE, true);
    // At 2:30, with 24 h retention: all three (the 2:59 record is in the current hour).
    expect(intake.held(0, 2.5 * HOUR, 24 * HOUR)).toEqual({ records: 3, identifying: 2 });
    // At 2:30 keeping 1 h: only hour 2 (hours after 1:30 count from the next whole hour).
    expect(intake.held(0, 2.5 * HOUR, 1 * HOUR)).toEqual({ records: 1, identifying: 1 });
    // Keeping 2 h: hours 1 and 2.
    expect(intake.held(0, 2.5 * HOUR, 2 * HOUR)).toEqual({ records: 2, identifying: 1 });
    // At 0:30, later hours are not yet held.
    expect(intake.held(0, 0.5 * HOUR, 24 * HOUR)).toEqual({ records: 1, identifying: 1 });
  });

  it('keeps hours from the history before the run, and clamps anything older to the first bucket', () => {
    const intake = new HourlyIntake(1, 3 * HOUR);
    intake.add(0, -2.5 * HOUR, true);
    intake.add(0, -30 * HOUR, false);
    expect(intake.held(0, 0, 48 * HOUR)).toEqual({ records: 2, identifying: 1 });
    // Dated in the hour from -3 h: a 3 h retention at time 0 keeps hours -2, -1 and 0 only.
    expect(intake.held(0, 0, 3 * HOUR)).toEqual({ records: 0, identifying: 0 });
    expect(intake.held(0, 0, 4 * HOUR)).toEqual({ records: 1, identifying: 1 });
  });

  it('grows past two days, keeping what it had, per dataset', () => {
    const intake = new HourlyIntake(2, 0);
    intake.add(1, 1 * HOUR, true);
    intake.add(1, 100 * HOUR, true);
    intake.add(1, 300 * HOUR, false);
    intake.add(0, 2 * HOUR, false);
    expect(intake.held(1, 400 * HOUR, 1000 * HOUR)).toEqual({ records: 3, identifying: 2 });
    expect(intake.held(1, 100 * HOUR, 1 * HOUR)).toEqual({ records: 1, identifying: 1 });
    expect(intake.held(0, 400 * HOUR, 1000 * HOUR)).toEqual({ records: 1, identifying: 0 });
  });

  it('grows when a record lands one hour past the end of its buckets', () => {
    // With no history the buckets cover hours -1 to 47; a record at 48 h needs the first growth.
    const intake = new HourlyIntake(1, 0);
    intake.add(0, 48 * HOUR, true);
    expect(intake.held(0, 48 * HOUR, HOUR)).toEqual({ records: 1, identifying: 1 });
  });

  it('adds datasets during a run, empty and as long as the others', () => {
    const intake = new HourlyIntake(1, 0);
    intake.add(0, 60 * HOUR, true);
    intake.addDataset();
    intake.add(1, 61 * HOUR, true);
    expect(intake.held(1, 62 * HOUR, 24 * HOUR)).toEqual({ records: 1, identifying: 1 });
    expect(intake.held(0, 62 * HOUR, 24 * HOUR)).toEqual({ records: 1, identifying: 1 });
    const empty = new HourlyIntake(0, 0);
    empty.addDataset();
    empty.add(0, 47 * HOUR, false);
    expect(empty.held(0, 47 * HOUR, HOUR)).toEqual({ records: 1, identifying: 0 });
  });
});
