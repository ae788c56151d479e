/**
 * Lists behind MaliciousURLs' offline rules. No maintained npm package of abused TLDs or URL shorteners was found
 * (searched the registry's package list for shortener/TLD/phishing lists); these are curated from public reports
 * (Spamhaus' and Interisle's most-abused TLD statistics; well-known public shortener services). Free and
 * user-content hosting is taken from the Public Suffix List's private section through `tldts` (maintained), plus
 * the hosts below that the list does not carry.
 */

/** Top-level domains with a high share of abuse in public reports. */
export const SUSPICIOUS_TLDS: ReadonlySet<string> = new Set([
  'zip', 'mov', 'tk', 'ml', 'ga', 'cf', 'gq', 'top', 'xyz', 'icu', 'cyou', 'buzz', 'monster', 'sbs', 'cfd', 'bond',
  'rest', 'quest', 'surf', 'lol', 'click', 'link', 'work', 'country', 'stream', 'download', 'racing', 'win', 'bid',
  'loan', 'men', 'date', 'faith', 'review', 'party', 'trade', 'webcam', 'science', 'accountant', 'cricket', 'kim',
  'gdn', 'best', 'support', 'live', 'shop', 'online', 'site', 'fun', 'su',
]);

/** Public URL-shortening services (they hide the destination). */
export const URL_SHORTENERS: ReadonlySet<string> = new Set([
  'bit.ly', 'bitly.com', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'is.gd', 'v.gd', 'buff.ly', 'rebrand.ly', 'cutt.ly',
  'shorturl.at', 'tiny.cc', 'rb.gy', 'bl.ink', 's.id', 't.ly', 'lnkd.in', 'shorte.st', 'adf.ly', 'bc.vc', 'ouo.io',
  'qr.ae', 'trib.al', 'snip.ly', 'soo.gd', 'clck.ru', 'u.to', 'x.co', 'po.st', 'mcaf.ee', 'yourls.org', 'tr.im',
  'short.io', 'shorturl.com', 'urlz.fr', 'v.ht', '1url.com', 'tiny.one', 'tinyurl.is',
]);

/** Free or user-content hosting not in the Public Suffix List's private section. */
export const FREE_HOSTING: ReadonlySet<string> = new Set([
  '000webhostapp.com', 'weebly.com', 'wixsite.com', 'godaddysites.com', 'square.site', 'yolasite.com', 'webnode.page',
  'jimdosite.com', 'mystrikingly.com', 'sites.google.com', 'forms.gle', 'ipfs.io', 'dweb.link', 'trycloudflare.com',
  'ngrok.io', 'ngrok-free.app', 'serveo.net', 'loca.lt', 'duckdns.org', 'no-ip.org', 'ddns.net', 'hopto.org',
]);
