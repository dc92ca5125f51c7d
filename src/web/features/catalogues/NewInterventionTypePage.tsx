/** Ny insatstyp: a form that keeps what was typed when the server refuses (a name taken, say). */
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FieldList, checkFields } from '../../components/FieldList.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { unmatchedErrors, useForm } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { createInterventionType, invalidateCatalogues, useLegalBases } from './catalogues.api.ts';
import {
  EMPTY_INTERVENTION_TYPE,
  interventionTypeFields,
  toRequest,
  type InterventionTypeValues,
} from './interventionTypeFields.ts';

export function NewInterventionTypePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const legalBases = useLegalBases();
  const form = useForm<InterventionTypeValues>(EMPTY_INTERVENTION_TYPE);
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  // The proposed legal basis is chosen among the chosen area's.
  const fields = interventionTypeFields(legalBases.data ?? [], undefined, form.values.serviceArea);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors = checkFields(fields, form.values);
    if (Object.keys(errors).length > 0) return form.fail(errors);
    // What was typed stays in the form; the server's messages land on their fields.
    await run(async () => {
      const created = await createInterventionType(toRequest(form.values));
      await invalidateCatalogues(queryClient);
      navigate(`/admin/insatskatalog?omrade=${created.serviceArea}`, {
        state: { notice: `Insatstypen ${created.name} är skapad.` },
      });
    });
  };

  return (
    <section className="page">
      <PageTitle>Ny insatstyp</PageTitle>
      <p>
        <Link to="/admin/insatskatalog">Tillbaka till insatskatalogen</Link>
      </p>
      {legalBases.isPending && <Spinner label="Laddar lagrum …" />}
      <ErrorAlert error={legalBases.error} />
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <ErrorAlert
          error={failure}
          details={unmatchedErrors(
            form.errors,
            fields.map((field) => field.key),
          )}
          focusable
        />
        <FieldList fields={fields} form={form} />
        <div className="button-row">
          <Button type="submit" variant="primary" busy={isBusy}>
            Skapa insatstyp
          </Button>
          <Button onClick={() => navigate('/admin/insatskatalog')}>Avbryt</Button>
        </div>
      </form>
    </section>
  );
}
