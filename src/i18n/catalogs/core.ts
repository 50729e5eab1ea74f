import { defineMessages } from '../define.ts';

export const core = defineMessages({
  ko: {
    'error.generic': '문제가 발생했어요. 잠시 후 다시 시도해 주세요. (ref: {ref})',
    'error.shuttingDown': '봇이 재시작하는 중이에요. 잠시 후 다시 시도해 주세요.',
    'error.unknownCommand': '알 수 없는 명령이에요. `/help`로 명령 목록을 확인해 주세요.',
    'error.staleComponent': '이 버튼은 더 이상 쓸 수 없어요. 명령을 다시 실행해 주세요.',
    'error.notYourComponent': '다른 사람의 버튼이에요. 직접 명령을 실행해 주세요.',
    'error.guildOnly': '이 명령은 서버 안에서만 쓸 수 있어요.',
    'error.needsManageGuild': '서버 관리 권한이 있는 사람만 할 수 있어요.',
    'error.rateLimited': '너무 빨라요! {seconds}초 뒤에 다시 해 주세요.',
    'common.yes': '예',
    'common.no': '아니요',
    'common.on': '켜짐',
    'common.off': '꺼짐',
  },
  en: {
    'error.generic': 'Something went wrong. Please try again in a moment. (ref: {ref})',
    'error.shuttingDown': 'The bot is restarting. Please try again in a moment.',
    'error.unknownCommand': 'Unknown command. Use `/help` to see the list of commands.',
    'error.staleComponent': 'This button can no longer be used. Please run the command again.',
    'error.notYourComponent': "This is someone else's button. Run the command yourself.",
    'error.guildOnly': 'This command only works inside a server.',
    'error.needsManageGuild': 'Only members with the Manage Server permission can do this.',
    'error.rateLimited': 'Too fast! Try again in {seconds} s.',
    'common.yes': 'Yes',
    'common.no': 'No',
    'common.on': 'on',
    'common.off': 'off',
  },
});
