-- AlterEnum: moderators sort between owners and members (member lists order by role).
ALTER TYPE "MembershipRole" ADD VALUE 'MODERATOR' BEFORE 'MEMBER';
