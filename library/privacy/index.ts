// The one place that knows what a card number and a PIN look like and how they are hidden.
export * from './cardNumbers';
export * from './sensitiveText';
