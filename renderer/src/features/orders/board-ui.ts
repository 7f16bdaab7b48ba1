// Board-wide UI state that several screens touch: which order's details are open, which order
// is being rejected, and the prep time chosen on each pending card (kept while cards re-render).
import { createContext, useContext } from 'react';

export interface BoardUi {
  openDetail: (id: string) => void;
  openReject: (id: string) => void;
  prepFor: (id: string, fallback: number) => number;
  setPrep: (id: string, minutes: number) => void;
}

export const BoardUiContext = createContext<BoardUi | null>(null);

export function useBoardUi(): BoardUi {
  const ui = useContext(BoardUiContext);
  if (!ui) throw new Error('useBoardUi outside <BoardUiContext.Provider>');
  return ui;
}
