/** The app's own words (menu groups, dashboard, actions), in English. */
export const en = {
  huiwu: {
    title: 'Huiwu',
    menu: { events: 'Events', people: 'People', projects: 'Projects' },
    filter: { from: '%{field} from', to: '%{field} to', contains: '%{field} contains' },
    common: { details: 'Details' },
    delete: {
      cascade: 'Delete with dependants',
      cascadeTitle: 'Delete “%{name}” and what depends on it?',
      cascadeContent:
        'Records that cannot exist without it (such as its attendees or follow-ups) are deleted too; other records that mention it are kept and unlinked. This cannot be undone.',
      done: 'Deleted',
    },
    summit: {
      guests: 'Guests',
      programme: 'Programme',
      ceremonies: 'Ceremonies',
      addGuest: 'Add guest',
    },
    agreement: { followups: 'Follow-ups', addFollowup: 'Add follow-up' },
    ceremony: { agreements: 'Agreements signed' },
    series: { lectures: 'Sessions' },
    organization: { asEnterprise: 'Agreements as enterprise', asPartner: 'Agreements as partner' },
    dashboard: {
      welcome: 'Huiwu: summits, lectures, signing ceremonies and the agreements signed there',
      upcomingSummits: 'Upcoming summits',
      upcomingLectures: 'Lectures in the next 30 days',
      attendees: 'Guests of the next summit',
      confirmedOfInvited: '%{confirmed} confirmed of %{invited} invited',
      agreementsThisYear: 'Agreements signed in %{year}',
      amount: 'Total amount',
      landedShare: 'Landed or completed',
      overdue: 'Overdue follow-ups',
      byStatus: 'Agreements by status',
      none: 'Nothing scheduled',
      seeAll: 'See all',
    },
  },
};
