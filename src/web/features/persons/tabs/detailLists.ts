/** What the three person lists hold; field keys are the request body keys (src/contract/person-details.ts). */
import type { DetailListSpec } from './DetailListTab.tsx';

const nameField = (item: Record<string, unknown>) => String(item.name ?? '');

export const RELATIVES: DetailListSpec = {
  list: 'relatives',
  title: 'Närstående',
  singular: 'närstående',
  empty: 'Inga närstående registrerade.',
  nameOf: nameField,
  columns: ['name', 'relation', 'phone', 'email', 'isNextOfKin'],
  fields: [
    { key: 'name', label: 'Namn', kind: 'text', required: true, maxLength: 200 },
    {
      key: 'relation',
      label: 'Relation',
      kind: 'text',
      required: true,
      maxLength: 60,
      hint: 'Till exempel dotter, make, granne.',
    },
    { key: 'phone', label: 'Telefon', kind: 'text', type: 'tel', maxLength: 40 },
    { key: 'email', label: 'E-post', kind: 'text', type: 'email', maxLength: 200 },
    { key: 'address', label: 'Adress', kind: 'text', maxLength: 300, wide: true },
    { key: 'isNextOfKin', label: 'Närmast anhörig', kind: 'checkbox' },
    { key: 'note', label: 'Anteckning', kind: 'textarea', maxLength: 1000, rows: 3 },
  ],
};

export const REFERENCE_PERSONS: DetailListSpec = {
  list: 'reference-persons',
  title: 'Referenspersoner',
  singular: 'referensperson',
  empty: 'Inga referenspersoner registrerade.',
  nameOf: nameField,
  columns: ['name', 'role', 'organisation', 'phone', 'email'],
  fields: [
    {
      key: 'role',
      label: 'Roll',
      kind: 'text',
      required: true,
      maxLength: 80,
      hint: 'Till exempel kontaktsjuksköterska, arbetsterapeut, god man.',
    },
    { key: 'name', label: 'Namn', kind: 'text', required: true, maxLength: 200 },
    { key: 'organisation', label: 'Organisation', kind: 'text', maxLength: 200 },
    { key: 'phone', label: 'Telefon', kind: 'text', type: 'tel', maxLength: 40 },
    { key: 'email', label: 'E-post', kind: 'text', type: 'email', maxLength: 200 },
    { key: 'note', label: 'Anteckning', kind: 'textarea', maxLength: 1000, rows: 3 },
  ],
};

export const KEYS: DetailListSpec = {
  list: 'keys',
  title: 'Nyckelnummer',
  singular: 'nyckel',
  empty: 'Inga nycklar registrerade.',
  nameOf: (item) => `nyckel ${String(item.keyNumber ?? '')}`,
  columns: ['keyNumber', 'description'],
  fields: [
    { key: 'keyNumber', label: 'Nyckelnummer', kind: 'text', required: true, maxLength: 40 },
    {
      key: 'description',
      label: 'Beskrivning',
      kind: 'text',
      maxLength: 300,
      wide: true,
      hint: 'Till exempel var nyckeln förvaras.',
    },
  ],
};
