import { defineMessages } from '../define.ts';

export const help = defineMessages({
  ko: {
    'help.command.description': '봇의 명령 목록과 사용법을 보여 줘요',
    'help.title': '도커 코치 명령어',
    'help.intro': '도커 강의 내용을 복습하고, 함께 퀴즈를 풀고, 면접을 연습하고, 직접 실습해 보세요.',
    'help.footer': '언어는 디스코드 설정을 따라요. `/settings`에서 바꿀 수 있어요. <꺾쇠>는 꼭 넣는 값, [대괄호]는 넣지 않아도 되는 값이에요.',
    'help.examplesTitle': '이렇게 써 보세요',
    'help.examples': '`/복습 덱:containers` 컨테이너 덱 복습 · `/복습 방식:틀린 문제` 최근에 틀린 카드만\n`/퀴즈 시작 라운드:5 방식:스피드전` 채널에서 5라운드 빨리 맞히기 퀴즈\n`/면접 질문` 면접 질문 하나 · `/면접 모의면접 개수:3` 모의 면접 3문제\n`/실습 시작` 실습 고르기 · `/실습 실행 명령:docker ps -a` 명령 실행 · `/실습 확인` 단계 확인\n`/순위표 기간:이번 주` 이번 주 순위 · `/설정 언어:자동` 디스코드 언어 따르기\n`/덱 예시` 예시 덱 파일 받기 · `/덱 가져오기 파일:` 고친 파일을 이 서버의 덱으로 (관리자)',
  },
  en: {
    'help.command.description': 'Show the commands of the bot and how to use them',
    'help.title': 'Docker coach commands',
    'help.intro': 'Review the Docker course, play quizzes together, practise interviews and try the hands-on labs.',
    'help.footer': 'The language follows your Discord setting. Change it with `/settings`. <angle brackets> mark values you must give, [square brackets] optional ones.',
    'help.examplesTitle': 'Try these',
    'help.examples': '`/review deck:containers` review the containers deck · `/review mode:mistakes` only recent mistakes\n`/quiz start rounds:5 mode:race` a 5-round race quiz in this channel\n`/interview ask` one interview question · `/interview mock count:3` a 3-question mock interview\n`/lab start` pick an exercise · `/lab run command:docker ps -a` run a command · `/lab check` check the step\n`/leaderboard period:week` this week\'s ranking · `/settings language:auto` follow your Discord language\n`/deck template` get an example deck file · `/deck import file:` make your edited file a deck of this server (admins)',
  },
});
