/** What was typed into index.html's sign-in form before the page came (H5 only). */
export interface SplashForm {
  username: string;
  password: string;
  agreed: boolean;
  /** The form's refusal or failure as it showed it, to be shown on. */
  error: string | null;
  /** The field the cursor was in. */
  focus: 'username' | 'password' | null;
}

export interface SplashListener {
  /** The form gives way to the page: carry on from what it held. */
  handover(form: SplashForm): void;
  /** The form signed in (the answer is stored): go on. */
  signedIn(): void;
}

/** The mini-program has no index.html: nothing comes before its pages. */
export function onFirstScreenForm(_listener: SplashListener): () => void {
  return () => undefined;
}
