import { Principal } from '../access/role';
import { assertHasRegion, assertMayAssignRole, mayManage, maySee } from './user-access';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const admin: Principal = { id: '1', email: 'a@x.nl', name: 'A', role: 'admin', regionIds: [] };
const coordinator: Principal = { id: '2', email: 'c@x.nl', name: 'C', role: 'coordinator', regionIds: [A] };

describe('user access', () => {
  it('should let an admin see and manage anyone when the actor is an admin', () => {
    expect(maySee(admin, { regionIds: [B] })).toBe(true);
    expect(mayManage(admin, { role: 'admin', regionIds: [] })).toBe(true);
  });

  it('should let a coordinator see a user when they share a region', () => {
    expect(maySee(coordinator, { regionIds: [A, B] })).toBe(true);
    expect(maySee(coordinator, { regionIds: [B] })).toBe(false);
  });

  it('should let a coordinator manage a user only when every region of the user is their own', () => {
    expect(mayManage(coordinator, { role: 'wsp_staff', regionIds: [A] })).toBe(true);
    expect(mayManage(coordinator, { role: 'wsp_staff', regionIds: [A, B] })).toBe(false);
  });

  it('should refuse a coordinator managing an admin even when the admin has no regions', () => {
    expect(mayManage(coordinator, { role: 'admin', regionIds: [] })).toBe(false);
    expect(mayManage(coordinator, { role: 'admin', regionIds: [A] })).toBe(false);
  });

  it('should answer forbidden when a coordinator assigns the admin role', () => {
    expect(() => assertMayAssignRole(coordinator, 'admin')).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(() => assertMayAssignRole(coordinator, 'coordinator')).not.toThrow();
    expect(() => assertMayAssignRole(admin, 'admin')).not.toThrow();
  });

  it('should require a region when the role is not admin', () => {
    expect(() => assertHasRegion('wsp_staff', [])).toThrow(expect.objectContaining({ kind: 'invalid' }));
    expect(() => assertHasRegion('admin', [])).not.toThrow();
  });
});
