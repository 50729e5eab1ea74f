import { defineMessages } from '../define.ts';

export const help = defineMessages({
  ko: {
    'help.command.description': '봇의 명령 목록과 사용법을 보여 줘요',
    'help.title': '도커 코치 명령어',
    'help.intro': '도커 강의 내용을 복습하고, 함께 퀴즈를 풀고, 면접을 연습하고, 직접 실습해 보세요.',
    'help.footer': '언어는 디스코드 설정을 따라요. `/settings`에서 바꿀 수 있어요.',
  },
  en: {
    'help.command.description': 'Show the commands of the bot and how to use them',
    'help.title': 'Docker coach commands',
    'help.intro': 'Review the Docker course, play quizzes together, practise interviews and try the hands-on labs.',
    'help.footer': 'The language follows your Discord setting. Change it with `/settings`.',
  },
});
