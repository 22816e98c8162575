'use client';

import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './friends.module.css';
import { PersonRow } from './person-row';

/** Search people by @username prefix or display name; each result links to their profile. */
export function FindPeople() {
  const trpc = useTRPC();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim().replace(/^@/, ''));
  const results = useQuery({
    ...trpc.profile.search.queryOptions({ query: deferred }),
    enabled: deferred.length > 0,
  });

  return (
    <section className={styles.section} aria-labelledby="find-people-title">
      <h2 id="find-people-title" className={styles.sectionTitle}>
        Find people
      </h2>
      <label className="visually-hidden" htmlFor="find-people">
        Search people by name or username
      </label>
      <input
        id="find-people"
        type="search"
        placeholder="Search by name or @username"
        value={query}
        maxLength={50}
        onChange={(e) => setQuery(e.target.value)}
      />
      {results.error && (
        <p role="alert" className="error">
          {describeError(results.error)}
        </p>
      )}
      {deferred && results.data?.length === 0 && <p className={styles.empty}>No one matches “{deferred}”.</p>}
      {results.data && results.data.length > 0 && (
        <ul className={styles.list} aria-label="People found" data-testid="people-results">
          {results.data.map((person) => (
            <PersonRow key={person.id} person={person} />
          ))}
        </ul>
      )}
    </section>
  );
}
