// The Local API token. Headless mode prints `http://127.0.0.1:<port>/#token=<token>`: the token
// arrives in the URL fragment (never sent to the server, never in a log), is kept in
// sessionStorage so a reload still works, and is wiped from the address bar so it is not left
// on screen or in a shoulder-surfed screenshot.
const STORAGE_KEY = 'connector.localToken';

export function readLocalToken(
  location: Location = window.location,
  storage: Storage = sessionStorage,
): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    storage.setItem(STORAGE_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return storage.getItem(STORAGE_KEY);
}
