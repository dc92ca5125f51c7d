import { describe, expect, it } from 'vitest';
import { alarmAreasHandledFrom, alarmGroupServiceArea } from './alarm-groups.ts';
import { SERVICE_AREAS, type ServiceAreaCode } from './organisation.ts';

describe('alarmGroupServiceArea', () => {
  it("tells the groups of the assignment's own service area when it keeps any", () => {
    for (const area of SERVICE_AREAS) expect(alarmGroupServiceArea(area, [...SERVICE_AREAS])).toBe(area);
    expect(alarmGroupServiceArea('FH', ['AO', 'FH'])).toBe('FH');
    expect(alarmGroupServiceArea('AO', ['AO', 'FH'])).toBe('AO');
  });

  it('falls back to the one area that keeps alarm groups: one group for the whole municipality', () => {
    const table: [ServiceAreaCode, ServiceAreaCode][] = [
      ['FH', 'AO'],
      ['LSS', 'AO'],
      ['IFO', 'AO'],
    ];
    for (const [area, groups] of table) expect(alarmGroupServiceArea(area, [groups])).toBe(groups);
    expect(alarmGroupServiceArea('AO', ['LSS'])).toBe('LSS');
    expect(alarmGroupServiceArea('FH', ['LSS', 'LSS'])).toBe('LSS');
  });

  it("with groups in several other areas, falls back to ÄO's", () => {
    expect(alarmGroupServiceArea('FH', ['AO', 'LSS'])).toBe('AO');
    expect(alarmGroupServiceArea('IFO', ['LSS', 'AO', 'FH'])).toBe('AO');
  });

  it('tells nobody when there is no group, or several areas keep groups and ÄO none', () => {
    for (const area of SERVICE_AREAS) expect(alarmGroupServiceArea(area, [])).toBeNull();
    expect(alarmGroupServiceArea('AO', ['FH', 'LSS'])).toBeNull();
    expect(alarmGroupServiceArea('IFO', ['FH', 'LSS'])).toBeNull();
  });
});

describe('alarmAreasHandledFrom', () => {
  it('an alarm manager handles their own area even where it keeps no group', () => {
    expect(alarmAreasHandledFrom('FH', [])).toEqual(['FH']);
    expect(alarmAreasHandledFrom('FH', ['AO'])).toEqual(['FH']);
  });

  it('the only area with groups handles every area', () => {
    expect(alarmAreasHandledFrom('AO', ['AO'])).toEqual(['AO', 'FH', 'LSS', 'IFO']);
  });

  it('each area with its own groups keeps its alarms; the rest go to ÄO', () => {
    expect(alarmAreasHandledFrom('AO', ['AO', 'LSS'])).toEqual(['AO', 'FH', 'IFO']);
    expect(alarmAreasHandledFrom('LSS', ['AO', 'LSS'])).toEqual(['LSS']);
  });

  it('agrees with alarmGroupServiceArea for every area and every set of areas with groups', () => {
    const subsets = Array.from({ length: 2 ** SERVICE_AREAS.length }, (_, mask) =>
      SERVICE_AREAS.filter((_, index) => mask & (1 << index)),
    );
    for (const withGroups of subsets) {
      for (const manager of SERVICE_AREAS) {
        const handled = alarmAreasHandledFrom(manager, withGroups);
        for (const area of SERVICE_AREAS) {
          expect(handled.includes(area), `${manager} handles ${area} with groups in ${withGroups.join(',')}`).toBe(
            area === manager || alarmGroupServiceArea(area, withGroups) === manager,
          );
        }
      }
    }
  });
});
