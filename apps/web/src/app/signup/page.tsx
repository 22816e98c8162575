import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignupForm } from '@/components/auth/signup-form';
import { getSession } from '@/server/session';

export const metadata: Metadata = { title: 'Create account' };

export default async function SignupPage() {
  if (await getSession()) redirect('/');
  return (
    <AuthCard
      title="Join Spotter"
      subtitle="Channels, live chat and typing hints for people who train together."
      footer={
        <>
          Already have an account? <Link href="/login">Sign in</Link>
        </>
      }
    >
      <SignupForm />
    </AuthCard>
  );
}
