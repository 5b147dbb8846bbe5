"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

const NoticeContext = createContext<(message: string) => void>(() => {});

/** Success messages after actions: they survive the navigation that follows and are announced politely. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  const show = useCallback((text: string) => setMessage(text), []);
  return (
    <NoticeContext.Provider value={show}>
      <div aria-live="polite" role="status" className="empty:hidden">
        {message ? (
          <div className="mb-4 flex items-start justify-between gap-3 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900" data-testid="notice">
            <span>{message}</span>
            <button type="button" onClick={() => setMessage(null)} className="text-green-900 underline" aria-label="Dismiss message">
              Dismiss
            </button>
          </div>
        ) : null}
      </div>
      {children}
    </NoticeContext.Provider>
  );
}

export function useNotice() {
  return useContext(NoticeContext);
}
