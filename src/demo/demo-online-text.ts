// Words for the demo area's online chats and messages: gentle, everyday worries of 11 to 19 year
// olds, nothing graphic. None of the ordinary lines contains a default risk phrase, so only the few
// escalation chats raise alerts (demo-online.test.ts checks this).

export interface ChatTheme {
  key: string;
  youngPerson: string[];
  counsellor: string[];
  summary: string[];
}

export const chatThemes: ChatTheme[] = [
  {
    key: 'exams',
    youngPerson: [
      'I have mocks next week and I can’t stop thinking about them',
      'Everyone else seems to be revising loads more than me',
      'My mind goes blank when I sit down to revise',
      'I keep lying awake going over everything I don’t know',
      'My teacher said I might drop a grade and I felt awful',
      'Maybe I could try doing it in short bits',
    ],
    counsellor: [
      'That sounds like a lot of pressure. What worries you most about the mocks?',
      'Lots of people feel like that before exams. You’re not on your own with it.',
      'Would it help to break revision into short chunks with breaks in between?',
      'What has helped you feel a bit calmer before, even a little?',
      'It sounds like you care a lot about doing well, which says something good about you.',
    ],
    summary: [
      'Worried about mocks. Talked about short revision blocks and a wind-down before bed.',
      'Exam stress. Agreed to try a revision timetable and tell their form tutor how they feel.',
    ],
  },
  {
    key: 'friendships',
    youngPerson: [
      'My friends made a group chat without me',
      'I don’t really know who to sit with at lunch anymore',
      'My best friend has started hanging round with other people',
      'I said something and now they’re all ignoring me',
      'I feel left out all the time',
      'I might message her and ask if we can talk',
    ],
    counsellor: [
      'That sounds really hurtful. How long has it been like this?',
      'It makes sense that you feel left out. Is there anyone you feel easy around?',
      'Friendships change a lot at your age, and it can be hard when it happens.',
      'What would you like to happen with your friend?',
      'How do you think you might start that conversation?',
    ],
    summary: [
      'Falling out with friends. Thought about who else they feel safe with and a clubs fair next week.',
      'Feeling left out of a friendship group. Planned a message to their friend.',
    ],
  },
  {
    key: 'family',
    youngPerson: [
      'Me and my mum keep arguing about everything',
      'My parents are splitting up and nobody tells me anything',
      'I feel like my brother always gets away with stuff',
      'When they shout I just go to my room and put music on',
      'I want to tell my dad how I feel but I don’t know how',
      'Maybe I could write it down for her',
    ],
    counsellor: [
      'Arguments at home can be really draining. What are they usually about?',
      'It sounds like you’re finding a way to cope when things get loud.',
      'Is there an adult at home or school you feel able to talk to?',
      'What would you want your mum to understand?',
      'Writing it down can help. Would you like to think about what you would say?',
    ],
    summary: [
      'Arguments at home. Talked about writing a note to mum and finding calm space.',
      'Parents separating. Named a trusted teacher to talk to; will come back to chat next week.',
    ],
  },
  {
    key: 'sleep',
    youngPerson: [
      'I can’t get to sleep until like 2am',
      'I’m on my phone most of the night because I can’t switch off',
      'I’m so tired at school I can’t concentrate',
      'My head just gets really busy when I lie down',
      'I could try leaving my phone downstairs',
    ],
    counsellor: [
      'Not sleeping makes everything feel harder. What goes through your mind at night?',
      'Some people find a wind-down routine helps. What could yours look like?',
      'There is a sleep article in self-help you might like to look at.',
      'How about trying one small change this week and seeing how it goes?',
    ],
    summary: [
      'Poor sleep. Suggested a wind-down routine and the self-help sleep article.',
      'Late nights on phone. Agreed to try one small change and rate sleep in the mood tracker.',
    ],
  },
  {
    key: 'low-mood',
    youngPerson: [
      'I just feel flat and I don’t know why',
      'Nothing feels fun anymore',
      'I don’t want to bother anyone with it',
      'I stayed in my room most of the weekend',
      'Talking about it helps a bit actually',
      'I used to like drawing, I haven’t done it for ages',
    ],
    counsellor: [
      'Thank you for telling me. How long have you been feeling this way?',
      'You’re not bothering anyone. This is exactly what we’re here for.',
      'Is there something small you used to enjoy that you could try again?',
      'How are you sleeping and eating at the moment?',
      'It might help to talk to your GP too. Would you like to think about that?',
    ],
    summary: [
      'Low mood for a few weeks. Talked about small enjoyable things and seeing the GP.',
      'Feeling flat. Planned to try drawing again and to come back on Thursday.',
    ],
  },
  {
    key: 'anxiety',
    youngPerson: [
      'I get really panicky before school',
      'My heart races and I feel sick in the mornings',
      'I worry about everything, even little things',
      'I don’t like putting my hand up in class',
      'The breathing thing helped a little last time',
    ],
    counsellor: [
      'That sounds really uncomfortable. When does it feel worst?',
      'Would you like to try a breathing exercise together now?',
      'Breathe in for four, hold for four, and out for four. How was that?',
      'Worry can feel huge. Shall we look at one worry at a time?',
      'You have done well to notice what helps.',
    ],
    summary: [
      'Anxious mornings before school. Practised box breathing; will share the article on worry.',
      'General worry. Tried breaking one worry down; young person felt a bit calmer.',
    ],
  },
  {
    key: 'bullying',
    youngPerson: [
      'Some people in my year keep making comments about me',
      'They post stuff about me online',
      'I don’t want to tell a teacher in case it gets worse',
      'I’ve started getting the later bus so I don’t see them',
      'Maybe I could tell my head of year',
    ],
    counsellor: [
      'I’m sorry that is happening. Nobody deserves to be treated like that.',
      'It makes sense to worry about telling someone. What would help you feel safer doing it?',
      'You can screenshot and report posts. Would you like to know how?',
      'Who at school do you trust most?',
    ],
    summary: [
      'Comments from peers in person and online. Talked about reporting and telling head of year.',
      'Bullying at school. Young person will speak to a trusted teacher this week.',
    ],
  },
];

export const counsellorOpeners = [
  'Hi, I’m one of the counsellors. Thanks for getting in touch. What would you like to talk about today?',
  'Hello, thanks for waiting. I’m here to listen. How are you doing?',
  'Hi, welcome back. How have things been since we last spoke?',
];

export const youngPersonOpeners = ['hi', 'Hi, I don’t really know where to start', 'hey', 'Hello'];

export const counsellorClosers = [
  'Thank you for talking with me today. You can come back any time we’re open.',
  'It was good to talk. Remember the self-help articles are there too. Take care.',
  'Thanks for sharing all that. If things feel worse, you can call 111 or text SHOUT to 85258.',
];

export const youngPersonClosers = ['thanks, that helped', 'ok thank you', 'Thanks, bye', 'thank you x'];

export const feedbackComments = [
  'It helped to talk',
  'Thank you for listening',
  'I feel a bit better',
  'Waited a while but it was worth it',
];

export const riskNotes: Record<string, string[]> = {
  'none-identified': ['No risk identified.', 'No concerns raised in this chat.'],
  low: [
    'Some low mood; protective factors: friends, family support.',
    'Low risk. Coping strategies in place.',
  ],
  medium: [
    'Ongoing low mood and withdrawal. Agreed to check in at next chat; signposted to GP.',
    'Worry escalating. Safety plan discussed and young person agreed to tell a trusted adult.',
  ],
  high: ['Young person said they feel unsafe at home tonight. Duty senior informed; escalated.'],
};

/** An escalation chat: the young person says they are scared to go home (a default risk phrase). */
export const escalationLines = {
  youngPerson: [
    'things at home are really bad tonight',
    'I’m scared to go home',
    'ok. my name is on the form you sent',
  ],
  counsellor: [
    'Thank you for telling me. I want to make sure you are safe. Where are you now?',
    'I’m going to ask my senior colleague to join us so we can help you properly.',
    'You did the right thing telling us. We are here with you.',
  ],
  summary: 'Young person said they were scared to go home. Escalated to duty senior; details shared.',
  reason: 'Said they were scared to go home tonight.',
  outcome: 'Safeguarding referral made; young person safe with a relative tonight.',
};

export const asyncFromYoungPerson = [
  'Is it ok to message here instead of chatting? I find it easier to write.',
  'Just wanted to say the breathing exercise helped today.',
  'Can I book a time to talk to the same person as last time?',
  'I had a better week. Exams went ok.',
  'Things are a bit hard again. When are you open this week?',
  'I tried writing in my journal like you said.',
];

export const asyncToYoungPerson = [
  'Thanks for your message. Yes, you can message any time and we will reply when we are open.',
  'That is really good to hear. Well done for trying it.',
  'Of course. I’ve booked you in for Thursday at 6pm. See you then.',
  'Glad to hear it. Come back any time you want to talk.',
  'We’re open from 12pm on weekdays and 6pm at weekends. You can join the chat queue then.',
];

/** Usernames young people might choose: a word, a word, and a number. */
export const usernameWords = {
  first: [
    'sky',
    'moon',
    'quiet',
    'blue',
    'star',
    'maple',
    'sunny',
    'misty',
    'river',
    'cloud',
    'pixel',
    'echo',
  ],
  second: ['fox', 'otter', 'wren', 'panda', 'comet', 'fern', 'owl', 'tiger', 'robin', 'koala', 'bee', 'hare'],
};
