/** A UUID, as legacy Heroku and Snyk tokens are. */
export const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/**
 * Between a provider-named key and its value: `key: "…"`, `key = '…'`, `"key" => …`, and XML's
 * `<HerokuApiKey>…` and `<add key="HerokuApiKey" value="…"/>`. For formats that are only a credential
 * next to such a key (a UUID, 32 hex characters). A type annotation may sit in between
 * (`herokuApiKey: string = "…"`), and a comma (`define('HEROKU_API_KEY', '…')`).
 */
export const ASSIGN = String.raw`["']?(?:[ \t]{0,4}:[ \t]{0,4}[A-Za-z_][\w.]{0,30}[ \t]{0,4}(?==))?[ \t]{0,4}(?:=>|:=|[:=>,]|value[ \t]{0,4}=)[ \t]{0,4}["']?`;
