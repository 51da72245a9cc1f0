import { checkCoverage } from '../checks/checks.ts';
import type { Finding } from '../checks/findings.ts';
import type { Declaration } from './model.ts';

/** What the declaration checks need beyond the form itself: the peers' values for the same library entries. */
export interface DeclarationCheckContext {
  /** Peers' declared targets per library entry id, for the "far from peers" check. */
  readonly peerTargets?: ReadonlyMap<string, readonly string[]> | undefined;
}

/**
 * Quality checks at declaration time (docs/targets.md): the year-end coverage checks, applied while the
 * indicator set can still be changed. Errors block submission; warnings need a reason from the preparer.
 */
export function checkDeclaration(declaration: Declaration, _context: DeclarationCheckContext = {}): Finding[] {
  const findings: Finding[] = [];
  checkCoverage(declaration.indicators, findings);
  return findings;
}
