/** The two interface languages, French first. */
export type Lang = "fr" | "en";

/** Values substituted into `{name}` placeholders of a message. */
export type MessageParams = Readonly<Record<string, string | number>>;
