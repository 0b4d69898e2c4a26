import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/problem';
import { routes } from '@/app/routes';
import { fakeAuth, renderRoutes } from '@/test/render';

beforeEach(() => {
  vi.stubGlobal('fetch', () => new Promise(() => undefined));
});

describe('LoginPage', () => {
  it('validates before calling the server', async () => {
    const auth = fakeAuth();
    renderRoutes(routes, { path: '/login', auth });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your email address')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(auth.login).not.toHaveBeenCalled();
  });

  it('shows refused credentials in words above the form', async () => {
    const auth = fakeAuth({
      login: vi.fn().mockRejectedValue(new ApiError({ type: 'x', title: 'Unauthorized', status: 401, detail: 'Email or password is incorrect' })),
    });
    renderRoutes(routes, { path: '/login', auth });
    await userEvent.type(await screen.findByLabelText('Email'), 'ann@acme.test');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect');
    expect(auth.login).toHaveBeenCalledWith('ann@acme.test', 'wrong-password');
  });

  it('says how long a locked account must wait', async () => {
    const auth = fakeAuth({
      login: vi.fn().mockRejectedValue(new ApiError({ type: 'x', title: 'Too Many Requests', status: 429, detail: 'This account is locked after too many failed sign-ins' }, 900)),
    });
    renderRoutes(routes, { path: '/login', auth });
    await userEvent.type(await screen.findByLabelText('Email'), 'ann@acme.test');
    await userEvent.type(screen.getByLabelText('Password'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This account is locked after too many failed sign-ins. Try again in 15 minutes.');
  });
});

describe('SignUpPage', () => {
  it("puts the server's field errors beside their fields", async () => {
    const auth = fakeAuth({
      register: vi.fn().mockRejectedValue(
        new ApiError({
          type: 'https://chosencrm.dev/problems/validation',
          title: 'Validation failed',
          status: 400,
          detail: 'email: An account with this email already exists',
          errors: [{ field: 'email', message: 'An account with this email already exists' }],
        }),
      ),
    });
    renderRoutes(routes, { path: '/signup', auth });
    await userEvent.type(await screen.findByLabelText('Company name'), 'Summit Mortgage');
    await userEvent.type(screen.getByLabelText('First name'), 'Dana');
    await userEvent.type(screen.getByLabelText('Last name'), 'Reyes');
    await userEvent.type(screen.getByLabelText('Work email'), 'dana@summit.test');
    await userEvent.type(screen.getByLabelText('Password'), 'Horizon2026rates');
    await userEvent.type(screen.getByLabelText('Confirm password'), 'Horizon2026rates');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));

    const email = screen.getByLabelText('Work email');
    expect(await screen.findByText('An account with this email already exists')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('An account with this email already exists');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(auth.register).toHaveBeenCalledWith({ companyName: 'Summit Mortgage', firstName: 'Dana', lastName: 'Reyes', email: 'dana@summit.test', password: 'Horizon2026rates' });
  });
});
