/**
 * Öppna ärende: which authority unit holds the case and who is its case officer. Both default to
 * the user's own (when the user is a case officer); the case opens in the user's service area.
 */
import { useEffect, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useSession } from '../../session/session.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Select } from '../../components/Select.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { unmatchedErrors, useForm } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { caseKeys, openCase, useCaseStaffing } from './cases.api.ts';

interface Values {
  authorityUnitId: string;
  caseOfficerId: string;
}

export function OpenCaseDialog({ personId, open, onClose }: { personId: string; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Öppna ärende" onClose={onClose}>
      {open && <OpenCaseForm personId={personId} onClose={onClose} />}
    </Dialog>
  );
}

function OpenCaseForm({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { session, position } = useSession();
  const staffing = useCaseStaffing();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<Values>({ authorityUnitId: '', caseOfficerId: '' });
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  const { setValues } = form;

  useEffect(() => {
    if (!staffing.data) return;
    const ownUnit = staffing.data.authorityUnits.find((unit) => unit.id === position?.unitId);
    const self = staffing.data.caseOfficers.find((officer) => officer.id === session?.user.id);
    setValues({ authorityUnitId: ownUnit?.id ?? '', caseOfficerId: self?.id ?? '' });
  }, [staffing.data, position?.unitId, session?.user.id, setValues]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors: Record<string, string> = {};
    if (!form.values.authorityUnitId) errors.authorityUnitId = 'Välj myndighetsenhet.';
    if (!form.values.caseOfficerId) errors.caseOfficerId = 'Välj handläggare.';
    if (Object.keys(errors).length) return form.fail(errors);
    await run(async () => {
      const created = await openCase(personId, form.values);
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
      navigate(`/arenden/${created.id}`, { state: { notice: `Ärende ${created.caseNumber} är öppnat.` } });
    });
  };

  if (staffing.isPending) return <Spinner />;
  if (staffing.error) return <ErrorAlert error={staffing.error} />;
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
      <ErrorAlert
        error={failure}
        details={unmatchedErrors(form.errors, ['authorityUnitId', 'caseOfficerId'])}
        focusable
      />
      <Select
        label="Myndighetsenhet"
        required
        placeholder="Välj enhet"
        options={staffing.data.authorityUnits.map((unit) => ({ value: unit.id, label: unit.name }))}
        {...form.text('authorityUnitId')}
      />
      <Select
        label="Handläggare"
        required
        placeholder="Välj handläggare"
        options={staffing.data.caseOfficers.map((officer) => ({ value: officer.id, label: officer.name }))}
        {...form.text('caseOfficerId')}
      />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={isBusy}>
          Öppna ärende
        </Button>
        <Button onClick={onClose}>Avbryt</Button>
      </div>
    </form>
  );
}
