/**
 * Registrera beslut (/arenden/:caseId/beslut/nytt): outcome, legal basis (only those of the case's
 * service area, valid on the decision date), decision date, period with "tills vidare", justification, and the interventions
 * from the catalogue of the case's service area with their scope. The same rules as the server
 * (src/domain/decision-rules.ts) check it before sending, and the server's field errors land on
 * the same fields ("interventions.0.grantedAmount").
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { decisionProblems, isLegalBasisValidOn } from '../../../domain/decision-rules.ts';
import { isIsoDate } from '../../../domain/periods.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { checkFields, type FieldSpec } from '../../components/FieldList.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Select } from '../../components/Select.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { orNull, unmatchedErrors, useForm, type FieldErrors } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import {
  useInterventionTypes,
  useLegalBases,
  type InterventionType,
  type LegalBasis,
} from '../catalogues/catalogues.api.ts';
import { DECISION_OUTCOME_LABELS } from './caseLabels.ts';
import { caseKeys, recordDecision, useCase, type CaseView } from './cases.api.ts';
import {
  InterventionRows,
  emptyRow,
  parseAmount,
  rowFieldKeys,
  staleRowErrorKeys,
  type InterventionRow,
} from './InterventionRows.tsx';
import './cases.css';

interface Values {
  outcome: string;
  legalBasisId: string;
  decisionDate: string;
  periodFrom: string;
  periodTo: string;
  isUntilFurtherNotice: boolean;
  justification: string;
}

const DATE_FIELDS: FieldSpec<Values>[] = [
  { key: 'decisionDate', label: 'Beslutsdatum', kind: 'date', required: true },
  { key: 'periodFrom', label: 'Gäller från', kind: 'date', required: true },
];
const OUTCOME_OPTIONS = (['granted', 'refused'] as const).map((value) => ({
  value,
  label: DECISION_OUTCOME_LABELS[value],
}));
const KNOWN_FIELDS = [
  'outcome',
  'legalBasisId',
  'decisionDate',
  'periodFrom',
  'periodTo',
  'justification',
  'interventions',
];

export function RecordDecisionPage() {
  const { caseId = '' } = useParams();
  const view = useCase(caseId);
  if (view.isPending)
    return (
      <section className="page">
        <PageTitle>Registrera beslut</PageTitle>
        <Spinner />
      </section>
    );
  if (view.error || !view.data) {
    return (
      <section className="page">
        <PageTitle>Registrera beslut</PageTitle>
        <ErrorAlert error={view.error} />
      </section>
    );
  }
  return <RecordDecisionForm view={view.data} />;
}

function RecordDecisionForm({ view }: { view: CaseView }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const today = todayInSweden();
  // An ÄO case is never offered an LSS paragraph: the server lists only the area's legal bases.
  const legalBases = useLegalBases({ serviceArea: view.serviceArea });
  const types = useInterventionTypes({ serviceArea: view.serviceArea });
  const form = useForm<Values>({
    outcome: 'granted',
    legalBasisId: '',
    decisionDate: today,
    periodFrom: today,
    periodTo: '',
    isUntilFurtherNotice: false,
    justification: '',
  });
  const [rows, setRows] = useState<InterventionRow[]>(() => [emptyRow()]);
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  const v = form.values;

  // Only the legal bases valid on the decision date can be chosen; the chosen one stays listed so the error can say why.
  const basisOptions = useMemo(
    () =>
      (legalBases.data ?? [])
        .filter(
          (basis) =>
            !isIsoDate(v.decisionDate) || isLegalBasisValidOn(basis, v.decisionDate) || basis.id === v.legalBasisId,
        )
        .map((basis) => ({
          value: basis.id,
          label: basis.description ? `${basis.code} – ${basis.description}` : basis.code,
        })),
    [legalBases.data, v.decisionDate, v.legalBasisId],
  );

  const onTypeChosen = (type: InterventionType | undefined) => {
    // The type's usual legal basis is proposed while none is chosen.
    if (
      !v.legalBasisId &&
      type?.defaultLegalBasisId &&
      basisOptions.some((option) => option.value === type.defaultLegalBasisId)
    ) {
      form.set('legalBasisId', type.defaultLegalBasisId);
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors = checkLocally(v, rows, legalBases.data ?? [], types.data ?? [], view, today);
    if (Object.keys(errors).length) return form.fail(errors);
    await run(async () => {
      const created = await recordDecision(view.id, {
        outcome: v.outcome as 'granted' | 'refused',
        legalBasisId: v.legalBasisId,
        decisionDate: v.decisionDate.trim(),
        periodFrom: v.periodFrom.trim(),
        periodTo: v.isUntilFurtherNotice ? null : v.periodTo.trim(),
        justification: orNull(v.justification),
        interventions: rows.map((row) => ({
          interventionTypeId: row.interventionTypeId,
          grantedAmount: parseAmount(row.amount).value,
          note: orNull(row.note),
        })),
      });
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      navigate(`/arenden/${view.id}`, { state: { notice: `Beslut ${created.decisionNumber} är registrerat.` } });
    });
  };

  if (legalBases.isPending || types.isPending)
    return (
      <section className="page">
        <PageTitle>Registrera beslut</PageTitle>
        <Spinner />
      </section>
    );
  const isGranted = v.outcome === 'granted';
  return (
    <section className="page">
      <PageTitle>Registrera beslut</PageTitle>
      <p className="lead">
        Ärende <Link to={`/arenden/${view.id}`}>{view.caseNumber}</Link>. Ett registrerat beslut kan inte ändras, bara
        avslutas.
      </p>
      <ErrorAlert error={legalBases.error ?? types.error} />
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <ErrorAlert
          error={failure}
          details={unmatchedErrors(form.errors, [...KNOWN_FIELDS, ...rows.flatMap((_, index) => rowFieldKeys(index))])}
          focusable
        />
        <div className="form-grid">
          <Select label="Beslut" required options={OUTCOME_OPTIONS} {...form.text('outcome')} />
          <DateInput
            label="Beslutsdatum"
            required
            hint="ÅÅÅÅ-MM-DD, i dag eller tidigare."
            {...form.text('decisionDate')}
          />
          <Select
            label="Lagrum"
            required
            placeholder="Välj lagrum"
            options={basisOptions}
            hint="Visar lagrum för ärendets verksamhetsområde som gäller på beslutsdatumet."
            {...form.text('legalBasisId')}
          />
        </div>
        <fieldset className="fieldset">
          <legend>Beslutsperiod</legend>
          <div className="form-grid">
            <DateInput label="Gäller från" required hint="ÅÅÅÅ-MM-DD" {...form.text('periodFrom')} />
            {!v.isUntilFurtherNotice && (
              <DateInput label="Gäller till och med" required hint="ÅÅÅÅ-MM-DD" {...form.text('periodTo')} />
            )}
          </div>
          <Checkbox
            label="Tills vidare"
            hint="Beslutet gäller utan slutdatum."
            {...form.check('isUntilFurtherNotice')}
          />
        </fieldset>
        <InterventionRows
          legend={isGranted ? 'Beviljade insatser' : 'Insatser som ansökan gällde'}
          amountLabel={isGranted ? 'Beviljad omfattning' : 'Ansökt omfattning'}
          rows={rows}
          onChange={(next) => {
            form.clearErrors(staleRowErrorKeys(rows, next));
            setRows(next);
          }}
          types={types.data ?? []}
          errors={form.errors}
          onTypeChosen={onTypeChosen}
        />
        <div className="form-grid">
          <div className="form-grid__wide">
            <TextInput label="Motivering" multiline rows={4} maxLength={4000} {...form.text('justification')} />
          </div>
        </div>
        <div className="button-row">
          <Button type="submit" variant="primary" busy={isBusy}>
            Registrera beslut
          </Button>
          <Button onClick={() => navigate(`/arenden/${view.id}`)}>Avbryt</Button>
        </div>
      </form>
    </section>
  );
}

/** The server's rules, run here first so mistakes show at once; the server checks again. */
function checkLocally(
  v: Values,
  rows: InterventionRow[],
  legalBases: LegalBasis[],
  types: InterventionType[],
  view: CaseView,
  today: string,
): FieldErrors {
  const errors: FieldErrors = checkFields(DATE_FIELDS, v);
  if (!v.isUntilFurtherNotice)
    Object.assign(
      errors,
      checkFields<Values>([{ key: 'periodTo', label: 'Gäller till och med', kind: 'date', required: true }], v),
    );
  if (!v.legalBasisId) errors.legalBasisId = 'Välj lagrum.';
  rows.forEach((row, index) => {
    if (!row.interventionTypeId) errors[`interventions.${index}.interventionTypeId`] = 'Välj insats.';
    const amount = parseAmount(row.amount);
    if (amount.error) errors[`interventions.${index}.grantedAmount`] = amount.error;
  });
  const basis = legalBases.find((candidate) => candidate.id === v.legalBasisId);
  const typeById = new Map(types.map((type) => [type.id, type]));
  const problems = decisionProblems(
    {
      outcome: v.outcome as 'granted' | 'refused',
      decisionDate: v.decisionDate.trim(),
      periodFrom: v.periodFrom.trim(),
      periodTo: v.isUntilFurtherNotice ? null : v.periodTo.trim(),
      legalBasis: basis,
      interventions: rows.map((row) => ({
        interventionTypeId: row.interventionTypeId,
        grantedAmount: parseAmount(row.amount).value,
        type: typeById.get(row.interventionTypeId),
      })),
    },
    { today, serviceArea: view.serviceArea },
  );
  // What the form itself found ("Välj lagrum.") says it better than the rules' view of a missing value.
  return { ...problems, ...errors };
}
