/**
 * The app's providers: data cache, router, session, the features' slots filled in, and an error
 * boundary around every page.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router-dom';
import { isApiError } from '../api/client.ts';
import { DeliveryRowExtrasProvider } from '../features/deliveries/deliveryRowExtras.tsx';
import { deliveryChangeExtras } from '../features/delivery-changes/deliveryChangeExtras.tsx';
import { SessionProvider } from '../session/session.tsx';
import { AppRoutes } from './routes.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Every read of a person is written to the access log, so never read again just because
      // the window got focus; read again after a change or when the user asks.
      refetchOnWindowFocus: false,
      staleTime: 30_000,
      // A 4xx will not get better by asking again.
      retry: (failures, error) => failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionProvider>
          {/* delivery-changes' actions on the delivery rows (deliveries/deliveryRowExtras.tsx). */}
          <DeliveryRowExtrasProvider value={deliveryChangeExtras}>
            <AppRoutes />
          </DeliveryRowExtrasProvider>
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
