// The demo library's regular opening hours as the bot words them, Monday to Sunday: one source for
// the hours-service tests and the conversation tests (a week with no holiday, e.g. 30 November 2026).
export const DEMO_REGULAR_WEEK: Readonly<Record<string, readonly string[]>> = {
  main: [...Array(4).fill('9:00 AM-9:00 PM'), '9:00 AM-6:00 PM', '9:00 AM-6:00 PM', '1:00 PM-5:00 PM'],
  eastside: ['10:00 AM-6:00 PM', '10:00 AM-8:00 PM', ...Array(4).fill('10:00 AM-6:00 PM'), 'Closed'],
  riverside: ['Closed', ...Array(5).fill('10:00 AM-6:00 PM'), 'Closed'],
  'oak-hill': [
    'noon-8:00 PM',
    '10:00 AM-6:00 PM',
    'noon-8:00 PM',
    '10:00 AM-6:00 PM',
    'noon-8:00 PM',
    '10:00 AM-6:00 PM',
    'Closed',
  ],
  bookmobile: [
    'Closed',
    '3:00 PM-5:00 PM at Pine Street Park',
    'Closed',
    '10:00 AM-noon at Maple Senior Center',
    'Closed',
    '10:00 AM-1:00 PM at Lakeview Market',
    'Closed',
  ],
};
