import type { ArticleTopic } from '../contracts/self-help.js';

// The demo service's self-help articles for 11 to 19 year olds: short, kind, in plain English a
// 12-year-old can read. They give everyday ideas and say where to get help; they make no clinical
// claims. The phone numbers are real national ones (the same as the help-now card). Each body is
// plain paragraphs joined by a blank line, as the service stores it.

export interface DemoArticle {
  slug: string;
  title: string;
  summary: string;
  topic: ArticleTopic;
  paragraphs: string[];
}

export const demoOnlineArticles: DemoArticle[] = [
  {
    slug: 'when-worry-feels-too-big',
    title: 'When worry feels too big',
    summary:
      'Everyone worries. Here is what worry is, and some small things you can try when it gets too much.',
    topic: 'anxiety',
    paragraphs: [
      'Everyone worries sometimes. Worry is your body trying to keep you safe. It can make your heart beat fast, your tummy feel funny or your thoughts race.',
      'Sometimes worry gets too big. It might stop you sleeping, going to school or seeing friends. If that happens, you are not weak and you are not alone. Lots of young people feel this way.',
      'Try slow breathing. Breathe in through your nose while you count to four. Breathe out through your mouth while you count to six. Do this a few times.',
      'Try writing your worries down, or set a short "worry time" each day. When a worry pops up at other times, tell yourself you will think about it later.',
      'Talk to someone you trust, like a friend, a family member, a teacher or a school nurse. You can also chat to one of our counsellors.',
      'If worry is stopping you doing everyday things for a few weeks, talk to your GP. They can help you find the right support.',
    ],
  },
  {
    slug: 'feeling-low-small-steps',
    title: 'Feeling low: small steps that can help',
    summary:
      'Feeling sad, flat or tired of everything? Small steps can help, and you do not have to cope on your own.',
    topic: 'low-mood',
    paragraphs: [
      'Feeling low can mean feeling sad, flat, tearful or just not bothered about things you used to enjoy. It is common, and it can get better.',
      'Try to do one small thing each day that you used to like, even if you do not feel like it at first. A short walk, a song you love or a message to a friend all count.',
      'Try to keep to regular times for sleeping and eating. Our bodies and minds find it easier when days have a pattern.',
      'Be kind to yourself. Think about what you would say to a friend who felt like this, and try saying it to yourself.',
      'Tell someone how you feel. A trusted adult, a friend or one of our counsellors can listen.',
      'If you have felt low most days for two weeks or more, talk to your GP. If you ever feel you cannot keep yourself safe, call 999 or go to A&E.',
    ],
  },
  {
    slug: 'better-sleep',
    title: 'Getting a better night’s sleep',
    summary:
      'Sleep helps your mood, your memory and your energy. Here are some simple ideas for better nights.',
    topic: 'sleep',
    paragraphs: [
      'Sleep helps your body grow and your mind rest. Most teenagers need around 8 to 10 hours a night.',
      'Try to go to bed and get up at about the same time each day, even at weekends.',
      'Screens can keep your brain busy. Try putting your phone away, or out of your room, for the last hour before bed.',
      'Caffeine can keep you awake. Energy drinks, cola, coffee and tea all have it, so try to avoid them in the afternoon and evening.',
      'If you cannot sleep, do not lie there worrying. Get up, do something calm in dim light, like reading, and go back to bed when you feel sleepy.',
      'If you have trouble sleeping for weeks, talk to your GP or school nurse.',
    ],
  },
  {
    slug: 'coping-with-exam-stress',
    title: 'Coping with exam stress',
    summary: 'Exams can feel scary. Here is how to plan, rest and get help when the pressure builds.',
    topic: 'exams',
    paragraphs: [
      'Feeling nervous about exams is normal. A little stress can help you focus. Too much can make it hard to think.',
      'Make a simple plan. Break revision into small chunks, with short breaks in between.',
      'Look after the basics: sleep, food, water and some time outside. They help your brain work.',
      'Try not to compare yourself with friends. Everyone revises in their own way.',
      'If you feel stuck or panicky, tell a teacher, your tutor or someone at home. Schools want to help, and they may be able to change things for you.',
      'Remember that exams are one part of your life. Whatever happens, there are always options and people who can help you find them.',
    ],
  },
  {
    slug: 'when-friendships-get-hard',
    title: 'When friendships get hard',
    summary:
      'Falling out, feeling left out or being treated badly online. What you can do when friendships hurt.',
    topic: 'friendships',
    paragraphs: [
      'Friendships change as you grow up. Falling out with a friend, or feeling left out, can really hurt.',
      'If you have fallen out, give it a little time. Then try talking face to face, calmly, about how you feel.',
      'A good friend treats you with kindness and respect. If someone often makes you feel bad about yourself, it is OK to spend less time with them.',
      'If someone is bullying you, in person or online, it is not your fault. Keep screenshots or notes and tell a trusted adult or your school.',
      'You can block and report people on most apps and games.',
      'You can always talk it through with one of our counsellors or with Childline.',
    ],
  },
  {
    slug: 'feeling-lonely',
    title: 'Feeling lonely',
    summary: 'You can feel lonely even with people around you. Here are some ways to feel more connected.',
    topic: 'friendships',
    paragraphs: [
      'Loneliness is feeling that you do not have the connection you want with other people. You can feel lonely even in a busy classroom.',
      'It is very common, especially after a change like moving school or a friend moving away. It does not mean something is wrong with you.',
      'Try one small step to connect. Say hello to someone new, reply to a message or sit with someone at lunch.',
      'Clubs, sports, music, drama or volunteering can help you meet people who like the same things as you.',
      'Online groups can help too, but stay safe. Never share your address, school or photos with people you do not know.',
      'If loneliness is making you feel low, tell someone you trust or chat to one of our counsellors.',
    ],
  },
  {
    slug: 'self-harm-where-to-get-help',
    title: 'Self-harm: where to get help',
    summary: 'If you hurt yourself on purpose, you deserve support, not judgement. Here is where to find it.',
    topic: 'self-harm',
    paragraphs: [
      'Self-harm is when someone hurts themselves on purpose. Some people do it to cope with feelings that seem too much. If this is you, you are not alone, and you deserve help and kindness.',
      'If you have hurt yourself badly, or you feel you cannot keep yourself safe, call 999 or go to A&E now.',
      'You can talk to someone any time. Call Childline free on 0800 1111. Text SHOUT to 85258. Call Samaritans free on 116 123. Or call NHS 111 and choose the mental health option.',
      'Think about telling an adult you trust, like a parent, carer, teacher or school nurse. It can feel scary, but it is often the first step to feeling better.',
      'Your GP can help too. They will listen and can help you get the right support.',
      'You can also talk to one of our counsellors in a chat. If we are worried you are not safe, we will talk with you about getting you help.',
    ],
  },
  {
    slug: 'when-your-family-argues',
    title: 'When your family keeps arguing',
    summary:
      'Arguments at home can be upsetting. Here is how to look after yourself and who you can talk to.',
    topic: 'family',
    paragraphs: [
      'All families argue sometimes. But lots of arguing at home can make you feel worried, sad or angry.',
      'If your parents or carers argue, it is not your fault, and it is not your job to fix it.',
      'If you are arguing with someone at home, try to wait until you are both calm. Then say how you feel, using "I feel" words, and listen to them too.',
      'Have a safe space where you can take a break, like your room, a friend’s house or a walk outside.',
      'Talk to someone you trust outside the family, like a teacher, a relative or one of our counsellors.',
      'If anyone at home hurts you, or you feel unsafe, tell a trusted adult or call Childline on 0800 1111. In an emergency, call 999.',
    ],
  },
  {
    slug: 'talking-to-someone-you-trust',
    title: 'Talking to someone you trust',
    summary: 'Sharing how you feel can be hard. Here are some ways to start the conversation.',
    topic: 'other',
    paragraphs: [
      'Talking about how you feel can help you feel less alone. It can also help you find support.',
      'Choose someone you trust. It might be a parent or carer, a friend, a teacher, a school nurse or a sports coach.',
      'Pick a good time, when you are both calm and not in a rush. Some people find it easier to talk side by side, like on a walk or in the car.',
      'If talking is too hard, try writing it down in a note or a message first.',
      'You could start with: "I have not been feeling myself lately. Can I talk to you about it?"',
      'If the first person does not help, try someone else. You can also chat to one of our counsellors.',
    ],
  },
];

/** The article's body as the service stores it: paragraphs separated by a blank line. */
export const bodyOf = (article: DemoArticle) => article.paragraphs.join('\n\n');
