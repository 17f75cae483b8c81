import { Role } from '@app/auth';
import { DemoRegionKey } from './demo-places';

/** Demo sign-ins, printed by `npm run demo`; one of every role, plus the second region's coordinator. */
export interface DemoUser {
  key: string;
  role: Role;
  email: string;
  name: string;
  password: string;
  regions: DemoRegionKey[];
  phone?: string;
}

export const DEMO_USERS: DemoUser[] = [
  {
    key: 'admin',
    role: 'admin',
    email: 'admin@demo.vliegwiel.nl',
    name: 'Demo Beheerder',
    password: 'demo-admin-2025',
    regions: [],
  },
  {
    key: 'coordinator',
    role: 'coordinator',
    email: 'coordinator@demo.vliegwiel.nl',
    name: 'Anouk de Vries',
    password: 'demo-coordinator-2025',
    regions: ['main'],
    phone: '+31205550101',
  },
  {
    key: 'account_manager',
    role: 'account_manager',
    email: 'accountmanager@demo.vliegwiel.nl',
    name: 'Mehmet Yılmaz',
    password: 'demo-accountmanager-2025',
    regions: ['main'],
    phone: '+31612345678',
  },
  {
    key: 'wsp_staff',
    role: 'wsp_staff',
    email: 'medewerker@demo.vliegwiel.nl',
    name: 'Sanne Bakker',
    password: 'demo-medewerker-2025',
    regions: ['main'],
  },
  {
    key: 'coordinator_second',
    role: 'coordinator',
    email: 'coordinator.zaanstreek@demo.vliegwiel.nl',
    name: 'Pieter Kok',
    password: 'demo-zaanstreek-2025',
    regions: ['second'],
  },
];

export const FIRST_NAMES = [
  'Jan', 'Sanne', 'Mohamed', 'Fatima', 'Pieter', 'Lotte', 'Daan', 'Emma', 'Sevda', 'Kees', 'Ilse', 'Youssef',
  'Marieke', 'Thijs', 'Noor', 'Ricardo', 'Bram', 'Latifa', 'Wouter', 'Esther', 'Joost', 'Priya', 'Sem', 'Femke',
  'Hamza', 'Ingrid', 'Ruben', 'Chantal', 'Dewi', 'Gerrit', 'Nadia', 'Koen',
]; // prettier-ignore

export const LAST_NAMES = [
  'de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot',
  'Bos', 'Vos', 'Peters', 'Hendriks', 'El Amrani', 'Yılmaz', 'Kramer', 'van Dijk', 'Dekker', 'Brouwer', 'de Wit',
  'Dijkstra', 'Koç', 'Verhoeven', 'Sedney', 'Tan', "van 't Hof", 'Boukhari', 'Wijnands',
]; // prettier-ignore

/** First contact's role by size class; the second contact is the workplace trainer or a team lead. */
export const PRIMARY_ROLES = { micro: 'Eigenaar', small: 'Bedrijfsleider', medium: 'HR-adviseur', large: 'Manager HR' };
export const SECOND_ROLES = ['Praktijkopleider', 'Teamleider', 'Vestigingsmanager'];

export const LEAD_SOURCES = ['kvk_list', 'event', 'referral', 'website', 'cold_call'];

/** ASCII, lower case, no spaces: for e-mail local parts and example domains. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/\bb\.v\.$/, '')
    .replace(/[^a-z0-9]+/g, '');
}
