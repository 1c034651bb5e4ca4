// The line that says how messages are signed, from the user's details. Pure.

/** "Messages are signed: Sam Lee · sam@example.org · +44 20 7946 0000", or what is missing. */
export function signedAsText(details) {
  const parts = [details?.name, details?.email, details?.phone].filter(Boolean);
  if (!parts.length) return 'Your name, email and phone are not set yet: messages end without your signature.';
  const sign = details.sign_off ? `“${details.sign_off}” then ` : '';
  return `Messages are signed ${sign}${parts.join(' · ')}`;
}
