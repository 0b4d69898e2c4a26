import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from '@/app/queryClient';
import { routes } from '@/app/routes';
import { AuthProvider } from '@/auth/AuthProvider';
import { BrandingProvider } from '@/theme/BrandingProvider';

const router = createBrowserRouter(routes);

export function App({ queryClient: given }: { queryClient?: QueryClient }) {
  const [queryClient] = useState(() => given ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <BrandingProvider>
          <RouterProvider router={router} />
        </BrandingProvider>
      </AuthProvider>
    </QueryClientProvider>
  );
}
