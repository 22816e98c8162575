import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { LoginForm } from '@/components/auth/login-form';
import { getSession } from '@/server/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage() {
  if (await getSession()) redirect('/');
  return (
    <AuthCard
      title="Welcome back"
      subtitle="Sign in to chat with your training crew."
      footer={
        <>
          New to Spotter? <Link href="/signup">Create an account</Link>
        </>
      }
    >
      <LoginForm />
    </AuthCard>
  );
}
