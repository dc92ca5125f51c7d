/** The legal basis form's fields, shared by "Nytt lagrum" and the edit page. */
import type { FieldSpec } from '../../components/FieldList.tsx';
import { orNull, type FieldErrors } from '../../components/form.ts';
import type { LegalBasis } from './catalogues.api.ts';

export interface LegalBasisValues {
  code: string;
  description: string;
  validFrom: string;
  validTo: string;
}

export const EMPTY_LEGAL_BASIS: LegalBasisValues = { code: '', description: '', validFrom: '', validTo: '' };

export function toValues(basis: LegalBasis): LegalBasisValues {
  return { code: basis.code, description: basis.description ?? '', validFrom: basis.validFrom, validTo: basis.validTo ?? '' };
}

export function toRequest(values: LegalBasisValues) {
  return { code: values.code.trim(), description: orNull(values.description), validFrom: values.validFrom.trim(), validTo: orNull(values.validTo) };
}

/** The same check the server makes, so the message comes before the round trip. */
export function checkValidity(values: LegalBasisValues): FieldErrors {
  const from = values.validFrom.trim();
  const to = values.validTo.trim();
  return from && to && to < from ? { validTo: 'Sista giltighetsdag kan inte vara före första.' } : {};
}

export function legalBasisFields(current?: LegalBasis): FieldSpec<LegalBasisValues>[] {
  return [
    {
      key: 'code', label: 'Lagrum', kind: 'text', required: true, maxLength: 60,
      hint: current?.isInUse ? 'Lagrummet används i beslut, så koden kan inte ändras.' : 'Som det skrivs i beslut, t.ex. SoL 11 kap. 1 § eller LSS 9 § 2.',
    },
    { key: 'validFrom', label: 'Gäller från', kind: 'date', required: true, hint: 'ÅÅÅÅ-MM-DD. Första dagen nya beslut kan använda lagrummet.' },
    {
      key: 'validTo', label: 'Gäller till och med', kind: 'date',
      hint: 'ÅÅÅÅ-MM-DD. Lämna tomt om lagrummet gäller tills vidare. Beslut som redan har fattats behåller sitt lagrum.',
    },
    { key: 'description', label: 'Beskrivning', kind: 'textarea', rows: 2, maxLength: 300, hint: 'Vad lagrummet ger rätt till, t.ex. Bistånd till försörjning och livsföring i övrigt.' },
  ];
}
