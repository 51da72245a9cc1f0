import { and, countDistinct, gte, inArray, lte } from 'drizzle-orm';
import type { Queryable } from '../../db/connect.ts';
import { subsidyGrants } from '../../db/schema.ts';
import { descendantIds } from '../../organisations/organisation.repository.ts';
import type { SubsidyRegister } from '../../ports/subsidy-register.ts';

/** The register as the surveys read it (ports/subsidy-register.ts): recipients awarded a grant in the year. */
export const subsidyRegisterReader: SubsidyRegister = {
  async recipientsOfYear(db: Queryable, organisationId: string, fiscalYear: number): Promise<number> {
    const units = await descendantIds(db, [organisationId]);
    const [row] = await db
      .select({ count: countDistinct(subsidyGrants.recipientId) })
      .from(subsidyGrants)
      .where(
        and(
          inArray(subsidyGrants.organisationId, units),
          gte(subsidyGrants.awardedOn, `${fiscalYear}-01-01`),
          lte(subsidyGrants.awardedOn, `${fiscalYear}-12-31`),
        ),
      );
    return Number(row?.count ?? 0);
  },
};
