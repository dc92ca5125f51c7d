/** Who may take which position: only their own, active ones. */
import type { PositionRecord } from './auth.repository.ts';

export function canChoosePosition(ownPositions: readonly PositionRecord[], positionId: string): boolean {
  return ownPositions.some((position) => position.id === positionId);
}
