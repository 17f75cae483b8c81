import { useState, type FormEvent } from 'react';
import { api, query, unwrap } from '../api/client';
import type { Page, Role, Schemas, User } from '../api/models';
import { can, ROLE_LABELS } from '../auth/permissions';
import { useUser } from '../auth/session';
import { useReferenceData } from '../reference-data';
import { Field, Pager } from '../ui/field';
import { RegionOptions } from '../ui/region-options';
import { Async, Empty, ErrorMessage, FormErrors } from '../ui/status';
import { useApi } from '../ui/use-api';
import { useMutation } from '../ui/use-mutation';

/** Users and roles: admins see everyone; coordinators the users of their own regions, never admins. */
export function UsersScreen() {
  const me = useUser();
  const reference = useReferenceData();
  const [page, setPage] = useState(1);
  const [tick, setTick] = useState(0);
  const users = useApi(
    () =>
      unwrap<Page<User>>(
        api.GET('/api/users', { params: { query: query({ page: String(page), pageSize: '50', sort: 'name' }) } }),
      ),
    `${page}|${tick}`,
  );

  const changeUser = useMutation(async (user: User, body: Schemas['UpdateUserDto']) => {
    await unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body }));
    setTick((value) => value + 1);
  });
  const change = (user: User, body: Schemas['UpdateUserDto']) => void changeUser.run(user, body);

  const roles = (Object.keys(ROLE_LABELS) as Role[]).filter((role) => role !== 'admin' || can.manageAdmins(me.role));
  return (
    <section aria-labelledby="users-title">
      <div className="page-head">
        <h1 id="users-title">Gebruikers</h1>
      </div>
      <ErrorMessage error={changeUser.error} />
      <Async state={users} label="Gebruikers laden…">
        {(data) =>
          data.items.length === 0 ? (
            <Empty>Geen gebruikers.</Empty>
          ) : (
            <>
              <table className="data">
                <caption className="visually-hidden">Gebruikers en hun rollen</caption>
                <thead>
                  <tr>
                    <th scope="col">Naam</th>
                    <th scope="col">E-mail</th>
                    <th scope="col">Rol</th>
                    <th scope="col">Regio’s</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((user) => {
                    const editable = user.id !== me.id && (user.role !== 'admin' || can.manageAdmins(me.role));
                    return (
                      <tr key={user.id}>
                        <td>{user.name}</td>
                        <td>{user.email}</td>
                        <td>
                          {editable ? (
                            <select
                              aria-label={`Rol van ${user.name}`}
                              value={user.role}
                              onChange={(event) => change(user, { role: event.target.value as Role })}
                            >
                              {roles.map((role) => (
                                <option key={role} value={role}>
                                  {ROLE_LABELS[role]}
                                </option>
                              ))}
                            </select>
                          ) : (
                            ROLE_LABELS[user.role]
                          )}
                        </td>
                        <td>{user.role === 'admin' ? 'Alle' : user.regionIds.map(reference.regionName).join(', ')}</td>
                        <td>
                          {user.disabled ? 'Geblokkeerd' : 'Actief'}{' '}
                          {editable && (
                            <button
                              type="button"
                              className="secondary small"
                              onClick={() => change(user, { disabled: !user.disabled })}
                            >
                              {user.disabled ? 'Activeren' : 'Blokkeren'}
                              <span className="visually-hidden"> {user.name}</span>
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <Pager label="Pagina's gebruikers" page={page} pageSize={50} total={data.total} onPage={setPage} />
            </>
          )
        }
      </Async>
      <NewUser roles={roles} onCreated={() => setTick((value) => value + 1)} />
    </section>
  );
}

function NewUser({ roles, onCreated }: { roles: Role[]; onCreated: () => void }) {
  const reference = useReferenceData();
  const empty = {
    name: '',
    email: '',
    role: 'wsp_staff' as Role,
    regionId: reference.regions[0]?.id ?? '',
    password: '',
  };
  const [form, setForm] = useState(empty);
  const [done, setDone] = useState('');
  const createUser = useMutation(async () => {
    setDone('');
    await unwrap(
      api.POST('/api/users', {
        body: {
          name: form.name.trim(),
          email: form.email.trim(),
          role: form.role,
          regionIds: form.role === 'admin' ? [] : [form.regionId],
          password: form.password,
        },
      }),
    );
    setDone(`${form.name} is aangemaakt.`);
    setForm(empty);
    onCreated();
  });
  const error = createUser.error;

  function create(event: FormEvent) {
    event.preventDefault();
    void createUser.run();
  }

  const text = (field: 'name' | 'email' | 'password', label: string, type = 'text', hint?: string) => (
    <Field label={label} hint={hint} error={error?.problemFor(field)}>
      {(props) => (
        <input
          {...props}
          type={type}
          autoComplete={type === 'password' ? 'new-password' : 'off'}
          value={form[field]}
          onChange={(event) => setForm({ ...form, [field]: event.target.value })}
        />
      )}
    </Field>
  );

  return (
    <section className="card narrow" aria-labelledby="new-user-title">
      <h2 id="new-user-title">Nieuwe gebruiker</h2>
      <form onSubmit={create} className="stack" noValidate>
        <FormErrors error={error} fields={['name', 'email', 'role', 'regionIds', 'password']} />
        {text('name', 'Naam')}
        {text('email', 'E-mailadres', 'email')}
        <Field label="Rol" error={error?.problemFor('role')}>
          {(props) => (
            <select
              {...props}
              value={form.role}
              onChange={(event) => setForm({ ...form, role: event.target.value as Role })}
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {form.role !== 'admin' && (
          <Field label="Regio" error={error?.problemFor('regionIds')}>
            {(props) => (
              <select
                {...props}
                value={form.regionId}
                onChange={(event) => setForm({ ...form, regionId: event.target.value })}
              >
                <RegionOptions />
              </select>
            )}
          </Field>
        )}
        {text('password', 'Wachtwoord', 'password', 'Minstens 12 tekens')}
        <button type="submit" disabled={createUser.pending}>
          {createUser.pending ? 'Aanmaken…' : 'Aanmaken'}
        </button>
        <p role="status" className="muted">
          {done}
        </p>
      </form>
    </section>
  );
}
