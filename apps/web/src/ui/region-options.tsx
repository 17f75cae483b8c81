import { useReferenceData } from '../reference-data';

/** The `<option>`s of the user's regions (admins: all), by name; the surrounding `<select>` adds any "all" choice. */
export function RegionOptions() {
  const { regions } = useReferenceData();
  return (
    <>
      {regions.map((region) => (
        <option key={region.id} value={region.id}>
          {region.name}
        </option>
      ))}
    </>
  );
}
