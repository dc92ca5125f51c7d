/** Nytt lagrum: a form that keeps what was typed when the server refuses (overlapping validity, say). */
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FieldList, checkFields } from '../../components/FieldList.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { unmatchedErrors, useForm } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { createLegalBasis, invalidateCatalogues } from './catalogues.api.ts';
import {
  EMPTY_LEGAL_BASIS,
  checkValidity,
  legalBasisFields,
  toRequest,
  type LegalBasisValues,
} from './legalBasisFields.ts';

const FIELDS = legalBasisFields();

export function NewLegalBasisPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<LegalBasisValues>(EMPTY_LEGAL_BASIS);
  const { isBusy, failure, setFailure, run } = useSubmit(form);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors = { ...checkFields(FIELDS, form.values), ...checkValidity(form.values) };
    if (Object.keys(errors).length > 0) return form.fail(errors);
    await run(async () => {
      const created = await createLegalBasis(toRequest(form.values));
      await invalidateCatalogues(queryClient);
      navigate('/admin/lagrum', { state: { notice: `Lagrummet ${created.code} är skapat.` } });
    });
  };

  return (
    <section className="page">
      <PageTitle>Nytt lagrum</PageTitle>
      <p>
        <Link to="/admin/lagrum">Tillbaka till lagrummen</Link>
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <ErrorAlert
          error={failure}
          details={unmatchedErrors(
            form.errors,
            FIELDS.map((field) => field.key),
          )}
          focusable
        />
        <FieldList fields={FIELDS} form={form} />
        <div className="button-row">
          <Button type="submit" variant="primary" busy={isBusy}>
            Skapa lagrum
          </Button>
          <Button onClick={() => navigate('/admin/lagrum')}>Avbryt</Button>
        </div>
      </form>
    </section>
  );
}
